package cn.kaoping.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The owners' pages are the endpoints that take bursts. Their URLs are patterns, so the application's main handler
 * mapping finds them only after testing every one of the application's ~200 request mappings on each request
 * (measured: about an eighth of the CPU of a survey submission). This mapping holds only the methods of controllers
 * marked {@link OwnerPages} and is asked first; everything else falls through to the main mapping after a miss that
 * costs a few comparisons. The controllers stay ordinary annotated controllers.
 */
@Configuration(proxyBeanMethods = false)
class OwnerPagesMapping {

    @Bean(autowireCandidate = false)
    RequestMappingHandlerMapping ownerPagesHandlerMapping() {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return AnnotatedElementUtils.hasAnnotation(beanType, OwnerPages.class);
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}

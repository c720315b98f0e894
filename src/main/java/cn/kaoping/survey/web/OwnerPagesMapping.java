package cn.kaoping.survey.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The owners' pages ({@code /s/{key}}) are the one endpoint that takes bursts (a link shared in a WeChat group). Their
 * URL is a pattern, so the application's main handler mapping finds them only after testing every one of the
 * application's ~200 request mappings on each request (measured: about an eighth of the CPU of a submission). This
 * mapping holds only {@link OwnerController}'s two methods and is asked first; everything else falls through to the
 * main mapping after a miss that costs two comparisons. The controller stays an ordinary annotated controller.
 */
@Configuration(proxyBeanMethods = false)
class OwnerPagesMapping {

    @Bean(autowireCandidate = false)
    RequestMappingHandlerMapping ownerPagesHandlerMapping() {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return OwnerController.class.isAssignableFrom(beanType);
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}

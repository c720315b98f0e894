package cn.kaoping.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kaopingOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kaoping 考评 API").version("v1")
                        .description("物业服务质量考评平台接口。先以 POST /api/v1/auth/token 换取令牌，"
                                + "再在 Authorization 头中携带 Bearer 令牌；所有数据按用户角色与管辖范围过滤。"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}

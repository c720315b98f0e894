package cn.kaoping.account.internal;

import cn.kaoping.account.AccountSettings;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two filter chains: {@code /api/v1/**} is stateless and takes bearer tokens; the screens use form login with
 * sessions kept in PostgreSQL (Spring Session JDBC), so any instance can serve any request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AccountSettings.class)
class SecurityConfiguration {

    /**
     * Scripts and styles only from our own files: no inline script or style, no eval (docs/adr/0009-csp-nonces.md).
     * {@code data:} images for Bootstrap's icons in CSS, {@code blob:} for photo previews before upload.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder encoder,
                                                AuthenticationEventPublisher events, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts) {
            // an address with too many failures is refused before any password is checked, whichever account
            @Override
            public org.springframework.security.core.Authentication authenticate(
                    org.springframework.security.core.Authentication authentication) {
                if (throttle.blocked(LoginEvents.clientAddress(authentication.getDetails()))) {
                    throw new AddressThrottled();
                }
                return super.authenticate(authentication);
            }


            // the principal kept in the session (and so in PostgreSQL) carries no password hash
            @Override
            protected org.springframework.security.core.Authentication createSuccessAuthentication(Object principal,
                    org.springframework.security.core.Authentication authentication,
                    org.springframework.security.core.userdetails.UserDetails user) {
                KaopingUserDetails clean = ((KaopingUserDetails) user).withoutPassword();
                return super.createSuccessAuthentication(clean, authentication, clean);
            }
        };
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, AuthenticationManager manager) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/auth/token").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, 401, "未认证",
                                "请先通过 POST /api/v1/auth/token 获取令牌，并在 Authorization 头中以 Bearer 方式携带"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "无权操作", "您的角色不能执行此操作")));
        return http.build();
    }

    /**
     * The owners' survey pages ({@code /s/...}): public, and stateless so that a burst of owners from a WeChat group
     * costs no session rows. CSRF stays on, with the token in a cookie instead of the session, so a page left
     * open for an hour still submits.
     */
    @Bean
    @Order(2)
    SecurityFilterChain owners(HttpSecurity http) throws Exception {
        http.securityMatcher("/s/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(ownersCsrfCookie()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /**
     * The public site ({@code /public/...}: published rankings, their 公示 PDFs) and open data ({@code /open-data/...}):
     * read-only, no login, no session, no CSRF token (nothing there changes state).
     */
    @Bean
    @Order(3)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/**", "/open-data/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/public/**", "/open-data/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager manager) throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/users/**").hasRole("SYSTEM_ADMIN")
                        .requestMatchers("/admin/audit/**").hasAnyRole("SYSTEM_ADMIN", "CITY_ADMIN")
                        .anyRequest().authenticated())
                // one answer for every failure (wrong password, unknown user, locked account, throttled address), so
                // the sign-in page tells no one which user names exist or are locked
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /** The owners' CSRF token in a SameSite=Lax cookie (Secure over https): not sent along with other sites' posts. */
    private static org.springframework.security.web.csrf.CookieCsrfTokenRepository ownersCsrfCookie() {
        var repository = new org.springframework.security.web.csrf.CookieCsrfTokenRepository();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /** A sign-in from an address that failed too often: answered like any other failure. */
    static final class AddressThrottled extends org.springframework.security.core.AuthenticationException {
        AddressThrottled() {
            super("too many failed sign-ins from this address");
        }
    }

    static void problem(HttpServletResponse res, int status, String title, String detail) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}

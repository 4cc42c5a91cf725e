package io.fulfillment.gateway.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the ops console: {@code /console} is the page, {@code /console/**} its script and style sheet. The files are
 * public (they hold no data); every call the page makes goes to {@code /api/v1/...} with the bearer token the user
 * signed in for, so the gateway's authentication, ownership rules and rate limits apply to the console as to any
 * client. The files live outside {@code static/} so that the backends, which share the classpath in the all-in-one
 * process, do not serve them too.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    static final String PATH = "/console";
    private static final String LOCATION = "io/fulfillment/gateway/console/";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    @Bean
    RouterFunction<ServerResponse> consoleRouterFunction() {
        Resource page = new ClassPathResource(LOCATION + "index.html");
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .body(page))
                .add(RouterFunctions.resources(PATH + "/**", new ClassPathResource(LOCATION)))
                .build();
    }

    /** Ahead of the gateway's own chain: the console's files need no token, and get a strict content policy. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(PATH, PATH + "/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}

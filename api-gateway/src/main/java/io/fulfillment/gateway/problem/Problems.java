package io.fulfillment.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.gateway.correlation.CorrelationId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** RFC 9457 answers produced by the gateway itself (not by a backend), from servlet filters and route handlers. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail problem(HttpStatus status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty(CorrelationId.MDC_KEY, correlationId);
        }
        return problem;
    }

    public static ServerResponse response(ServerRequest request, HttpStatus status, String detail) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, detail, request.servletRequest().getRequestURI()));
    }

    /** Writes the problem as the whole body; the caller sets extra headers (Retry-After...) before. */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            ObjectMapper objectMapper)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem(status, detail, request.getRequestURI()));
    }
}

package io.fulfillment.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.correlation.CorrelationIdRule;
import io.fulfillment.gateway.correlation.CorrelationId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Tomcat's error report as problem+json. Tomcat answers some requests itself, before any filter of the gateway runs
 * (an encoded slash or NUL in the path, a path that climbs above the root, a header too large), and its stock valve
 * writes an HTML page. This one writes the same RFC 9457 body the gateway writes, with a correlation id: the caller's
 * when it offered an acceptable one, a new one otherwise (returned in {@value CorrelationId#HEADER} too).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    // Spring's builder registers the mixin that writes a problem's properties as members of its own
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                httpStatus == null ? HttpStatus.BAD_REQUEST : httpStatus,
                status < 500 ? "The request was rejected: its path or headers are not acceptable." : "Server error.");
        String correlationId = correlationIdOf(request);
        problem.setInstance(instanceOf(request));
        problem.setProperty(CorrelationId.MDC_KEY, correlationId);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(CorrelationId.HEADER, correlationId);
            OutputStream out = response.getOutputStream();
            JSON.writeValue(out, problem);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell
        }
    }

    private static String correlationIdOf(Request request) {
        return CorrelationIdRule.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
    }

    /** The path as the client sent it when it is a valid URI reference, otherwise none. */
    private static URI instanceOf(Request request) {
        try {
            String uri = request.getRequestURI();
            return uri == null ? null : URI.create(uri);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}

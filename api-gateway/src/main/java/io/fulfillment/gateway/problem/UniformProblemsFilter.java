package io.fulfillment.gateway.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillment.gateway.correlation.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every 4xx and 5xx that leaves the gateway is the same RFC 9457 body, whoever produced it: the gateway itself, a
 * backend behind a route, or Spring Boot's error page (a request Spring Security's firewall rejected, say). A problem
 * keeps its members (title, detail, code, errors...) but its {@code instance} becomes the path the client called (a
 * backend only knows its own) and it carries the request's {@code correlationId}; any other error body (Boot's error
 * JSON, a backend container's HTML) is replaced by a problem for its status. Successful answers, streams included,
 * pass untouched: only bodies written under an error status are buffered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UniformProblemsFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    UniformProblemsFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorBodyBuffer buffered = new ErrorBodyBuffer(response);
        chain.doFilter(request, buffered);
        if (buffered.writer != null) {
            buffered.writer.flush();
        }
        if (buffered.body == null) {
            return;
        }
        byte[] body = uniform(request, response, buffered.body.toByteArray());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] uniform(HttpServletRequest request, HttpServletResponse response, byte[] original)
            throws IOException {
        int status = response.getStatus();
        ObjectNode problem = problemIn(response.getContentType(), original);
        if (problem == null) {
            HttpStatus known = HttpStatus.resolve(status);
            problem = json.valueToTree(ProblemDetail.forStatusAndDetail(
                    known == null ? HttpStatus.valueOf(status / 100 * 100) : known, detailFor(status)));
        }
        problem.put("status", status);
        problem.put("instance", publicPath(request));
        String correlationId =
                CorrelationId.current() != null ? CorrelationId.current() : response.getHeader(CorrelationId.HEADER);
        if (correlationId != null) {
            problem.put(CorrelationId.MDC_KEY, correlationId);
        }
        return json.writeValueAsBytes(problem);
    }

    private ObjectNode problemIn(String contentType, byte[] body) {
        if (contentType == null
                || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String detailFor(int status) {
        if (status == 404) {
            return "No such resource.";
        }
        if (status == 400) {
            return "The request was rejected: its path, parameters or headers are not acceptable.";
        }
        return status < 500 ? "The request was refused." : "The request could not be completed.";
    }

    /** The path the client called; on an error dispatch, the one that failed rather than {@code /error}. */
    private static String publicPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failed instanceof String path ? path : request.getRequestURI();
    }

    /** Passes everything through, except a body written under an error status, which it keeps. */
    private static final class ErrorBodyBuffer extends HttpServletResponseWrapper {

        private ByteArrayOutputStream body;
        private ServletOutputStream stream;
        private PrintWriter writer;

        ErrorBodyBuffer(HttpServletResponse response) {
            super(response);
        }

        private boolean buffering() {
            return body != null || getStatus() >= 400;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!buffering()) {
                return super.getOutputStream();
            }
            if (stream == null) {
                body = body == null ? new ByteArrayOutputStream() : body;
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("error bodies are written blocking");
                    }

                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        body.write(bytes, offset, length);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!buffering()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (!buffering()) {
                super.flushBuffer();
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!buffering()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!buffering()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(buffering() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!(buffering() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                super.addHeader(name, value);
            }
        }
    }
}

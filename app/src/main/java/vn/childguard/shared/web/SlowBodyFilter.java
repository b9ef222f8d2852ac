package vn.childguard.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cuts off a request body that trickles in (slow-loris style): after a grace period the body must
 * have arrived at a minimum average rate, or reading it fails and the request thread is freed. A
 * body that stops altogether is dropped by the server's connection timeout
 * ({@code server.tomcat.connection-timeout}). Multipart uploads are read by the servlet container
 * itself, past this filter: for those, and for any number of connections, the reverse proxy's body
 * timeouts are the defence (docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SlowBodyFilter extends OncePerRequestFilter {

    private final long graceNanos;
    private final long minBytesPerSecond;

    SlowBodyFilter(@Value("${childguard.security.body-grace:10s}") Duration grace,
                   @Value("${childguard.security.body-min-bytes-per-second:2048}") long minBytesPerSecond) {
        this.graceNanos = grace.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /** Thrown by a read when the body arrives too slowly. */
    static final class TooSlow extends IOException {
        TooSlow() {
            super("request body arrived below the minimum rate");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    stream = new Metered(super.getInputStream(), start);
                }
                return stream;
            }
        }, response);
    }

    private final class Metered extends ServletInputStream {
        private final ServletInputStream in;
        private final long start;
        private long bytes;

        Metered(ServletInputStream in, long start) {
            this.in = in;
            this.start = start;
        }

        private int counted(int n) throws IOException {
            if (n > 0) {
                bytes += n;
            }
            long late = System.nanoTime() - start - graceNanos;
            if (late > 0 && bytes < minBytesPerSecond * (late / 1_000_000_000.0) && !in.isFinished()) {
                throw new TooSlow();
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

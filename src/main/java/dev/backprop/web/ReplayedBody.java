package dev.backprop.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/** A request whose body's first bytes were read already: they are read again, then the rest of the body. */
final class ReplayedBody extends HttpServletRequestWrapper {
    private final ServletInputStream body;

    ReplayedBody(HttpServletRequest request, byte[] start) throws IOException {
        super(request);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(start), request.getInputStream());
        this.body = new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = whole.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = whole.read(buffer, offset, length);
                finished = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is read blocking");
            }
        };
    }

    @Override
    public ServletInputStream getInputStream() {
        return body;
    }
}

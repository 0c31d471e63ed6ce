package dev.backprop.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Ends the connection of a request answered 408 (its body too slow) once the answer is sent. Tomcat would
 * otherwise read and discard the rest of the body before the next request, at whatever pace the client
 * keeps sending it; it does the same as this valve for 413 only.
 */
final class CutOffBodyValve extends ValveBase {
    CutOffBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() == 408) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}

package dev.backprop.web.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request as sent: enough to replay it by hand. {@code target} is the path and query as they went on the
 * wire (percent-encoded); {@code body} is null when none was sent.
 */
public record FuzzRequest(String operation, Flavour flavour, String method, String target, Map<String, String> headers,
                          byte[] body, boolean stream) {

    /** The request as an HTTP message: request line, headers, a blank line and the body. */
    public String replay() {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target).append('\n');
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        if (body != null) sb.append('\n').append(bodyText());
        return sb.toString();
    }

    /** The request on one line, with the body's line breaks escaped and a long body cut. */
    public String oneLine(int maxBody) {
        String b = body == null ? "(no body)" : bodyText().replace("\n", "\\n").replace("\r", "\\r");
        if (b.length() > maxBody) b = b.substring(0, maxBody) + "…(" + body.length + " bytes)";
        return method + " " + target + " " + headers + " " + b;
    }

    /** The body as UTF-8, or with its bytes as \xNN escapes where it is not UTF-8. */
    String bodyText() {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            StringBuilder sb = new StringBuilder("(not UTF-8) ");
            for (byte x : body) {
                if (x >= 0x20 && x < 0x7f && x != '\\') sb.append((char) x);
                else sb.append(String.format("\\x%02x", x & 0xff));
            }
            return sb.toString();
        }
    }
}

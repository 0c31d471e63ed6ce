package dev.backprop.training;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event of a job: its id (consecutive from 1), its name and its JSON data, with its
 * text/event-stream form rendered once, however many subscribers receive it.
 */
public record JobEvent(long id, String name, String data, byte[] wire) {
    static JobEvent of(long id, String name, String data) {
        byte[] wire = ("id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        return new JobEvent(id, name, data, wire);
    }
}

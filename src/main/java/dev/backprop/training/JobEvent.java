package dev.backprop.training;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event of a job: its id (consecutive from 1) and its text/event-stream form, rendered
 * once when the job logs it, however many subscribers receive it.
 */
record JobEvent(long id, byte[] wire) {
    static JobEvent of(long id, String name, String data) {
        return new JobEvent(id, ("id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
}

package dev.backprop.training;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads back events from the bytes a stream sends ({@code id: …\nevent: …\ndata: …\n\n} each, as
 * {@link EventLog} renders them): how stored events come back into a job's log.
 */
final class EventFrames {
    /** One event: its id, name, data and its exact frame. */
    record Event(long id, String name, String data, byte[] frame) {}

    private EventFrames() {}

    static List<Event> split(byte[] bytes) {
        List<Event> events = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = endOfFrame(bytes, start);
            if (end < 0) {
                throw new IllegalArgumentException("stored events end in the middle of a frame at byte " + start);
            }
            byte[] frame = Arrays.copyOfRange(bytes, start, end);
            events.add(parse(frame));
            start = end;
        }
        return events;
    }

    /** The index just after the blank line that ends the frame starting at {@code start}, or -1. */
    private static int endOfFrame(byte[] bytes, int start) {
        for (int i = start; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') return i + 2;
        }
        return -1;
    }

    private static Event parse(byte[] frame) {
        String[] lines = new String(frame, 0, frame.length - 2, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != 3 || !lines[0].startsWith("id: ") || !lines[1].startsWith("event: ") || !lines[2].startsWith("data: ")) {
            throw new IllegalArgumentException("not an event frame: " + new String(frame, StandardCharsets.UTF_8));
        }
        return new Event(Long.parseLong(lines[0].substring(4)), lines[1].substring(7), lines[2].substring(6), frame);
    }
}

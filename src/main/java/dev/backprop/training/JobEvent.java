package dev.backprop.training;

/** One server-sent event of a job: its id (consecutive from 1), its name and its JSON data. */
public record JobEvent(long id, String name, String data) {}

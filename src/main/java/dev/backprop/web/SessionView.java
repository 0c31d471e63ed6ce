package dev.backprop.web;

import java.time.Instant;

public record SessionView(String id, Instant createdAt, Instant expiresAt, int tensorCount, long bytes) {}

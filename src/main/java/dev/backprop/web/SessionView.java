package dev.backprop.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(description = "A session", example = """
        {"id": "0b5e7c1e-4c0e-4a51-9a7e-2f6d8b1c9e3a", "createdAt": "2026-11-26T12:00:00Z",
         "expiresAt": "2026-11-26T12:30:00Z", "tensorCount": 2, "bytes": 8}""")
public record SessionView(String id, Instant createdAt, Instant expiresAt, int tensorCount, long bytes) {}

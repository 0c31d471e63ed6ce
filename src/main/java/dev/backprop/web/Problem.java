package dev.backprop.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shape of every error answer, for the OpenAPI document (the answers themselves are Spring's ProblemDetail). */
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable code; where PyTorch raises, detail is PyTorch's "
        + "message")
record Problem(
        @Schema(format = "uri") String type,
        String title,
        int status,
        String detail,
        String instance,
        @Schema(description = "stable machine-readable code, e.g. shape-mismatch") String code,
        @Schema(description = "the failing op of a batch", nullable = true) Integer opIndex,
        @Schema(description = "the request body's field at fault (unknown-field, invalid-field), by its path as sent: "
                + "ops[1].inputs[0], data.inline.x", nullable = true) String field) {

    static final String EXAMPLE = """
            {"type": "https://backprop.dev/problems/graph-freed", "title": "Unprocessable Entity", "status": 422,
             "detail": "Trying to backward through the graph a second time (or directly access saved tensors after they have \
            already been freed). ...", "code": "graph-freed"}""";
}

package dev.backprop.web;


/** The shape of every error answer, for the OpenAPI document (the answers themselves are Spring's ProblemDetail). */
record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        Integer opIndex) {

    static final String EXAMPLE = """
            {"type": "https://backprop.dev/problems/graph-freed", "title": "Unprocessable Entity", "status": 422,
             "detail": "Trying to backward through the graph a second time (or directly access saved tensors after they have \
            already been freed). ...", "code": "graph-freed"}""";
}

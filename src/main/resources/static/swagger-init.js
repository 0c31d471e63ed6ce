// Swagger UI over the committed contract; a separate file so that the page runs under script-src 'self'.
window.ui = SwaggerUIBundle({url: "/v3/api-docs.yaml", dom_id: "#swagger-ui"});

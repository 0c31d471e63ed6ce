package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * The details of 400 and 405 refusals say what is wrong, where (line and column, the field or the parameter)
 * and what was expected, in the service's own words: never a parser feature, a Java type or a class name.
 */
@ServiceTest
class RefusalDetailsTest extends ApiTest {

    private static String detail(Api.Response r, int status, String code) {
        String detail = r.problem(status, code).path("detail").stringValue();
        assertThat(detail).doesNotContain("java.", "Exception", "Feature", "`", "tools.jackson", "dev.backprop", "$");
        return detail;
    }

    @Test
    void nanAndInfinityAreNotJsonNumbers() {
        try (var s = api.session()) {
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": NaN}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 26: 'NaN' is not a JSON number: only finite numbers can be sent");
            assertThat(detail(s.tensor("""
                    {"name": "w",
                     "data": [1.0, -Infinity]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 2, column 25: '-Infinity' is not a JSON number: only finite numbers can "
                            + "be sent");
        }
    }

    @Test
    void numbersJsonDoesNotAllowAreNamedWithTheRule() {
        try (var s = api.session()) {
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [+1]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 25: a number cannot start with '+'");
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [01]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 25: a number cannot start with 0 followed by more digits");
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [1.]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 26: a decimal point must be followed by a digit");
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [.5]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 24: unexpected character '.': expected a value (a string, "
                            + "number, object, array, true, false or null)");
        }
    }

    @Test
    void brokenStructureIsPlacedByLineAndColumn() {
        try (var s = api.session()) {
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [1"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 25: it ends before the JSON is complete");
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [1}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 25: '}' does not close the open array or object: expected ']'");
            assertThat(detail(s.tensor("""
                    {'name': 'w', 'data': [1]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 2: unexpected character \"'\": expected a field name in double "
                            + "quotes");
            assertThat(detail(s.tensor("""
                    {"name": "w" "data": [1]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 14: unexpected character '\"': expected ',' or '}' after a field");
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [True]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 1, column 24: 'True' is not a JSON value: expected a string, number, "
                            + "object, array, true, false or null");
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [1]}
                    {"name": "x", "data": [2]}"""), 400, "malformed-json"))
                    .isEqualTo("the body is not valid JSON at line 2, column 1: a second value follows the first: send exactly one JSON value");
        }
    }

    @Test
    void aBodyOfTheWrongKindSaysWhatWasExpected() {
        try (var s = api.session()) {
            assertThat(detail(s.tensor("""
                    ["w", [1]]"""), 400, "malformed-json")).isEqualTo("the body must be an object, got an array");
            assertThat(detail(s.tensor(""), 400, "malformed-json")).isEqualTo("a JSON body is required");
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithWhatItMustBe() {
        try (var s = api.session()) {
            assertThat(detail(s.tensor("""
                    {"name": "w", "data": [1.0], "requiresGrad": "yes"}"""), 400, "invalid-field"))
                    .isEqualTo("'requiresGrad' must be true or false, got a string");
            assertThat(detail(s.op("""
                    {"ops": ["add"]}"""), 400, "invalid-field")).isEqualTo("'ops[0]' must be an object");
            assertThat(detail(s.op("""
                    {"op": "add", "inputs": {"a": 1}}"""), 400, "invalid-field")).isEqualTo("'inputs' must be an array, got an object");
            assertThat(detail(s.optimizer("""
                    {"name": "o", "type": "adam", "params": ["w"], "betas": [0.9, "high"]}"""), 400, "invalid-field"))
                    .isEqualTo("'betas[1]' must be a number, got a string");
            assertThat(detail(api.post("/jobs", """
                    {"data": {"inline": {"x": "points", "y": [0]}}}"""), 400, "invalid-field"))
                    .isEqualTo("'data.inline.x' must be an array, got a string");
        }
    }

    @Test
    void aNumberTooLargeForItsFieldGivesTheRange() {
        try (var s = api.session()) {
            assertThat(detail(s.seed("""
                    {"seed": 99999999999999999999999}"""), 400, "malformed-json"))
                    .isEqualTo("'seed' is out of range: expected an integer from -9223372036854775808 to 9223372036854775807");
        }
        assertThat(detail(api.post("/jobs", """
                {"maxIterations": 99999999999}"""), 400, "malformed-json"))
                .isEqualTo("'maxIterations' is out of range: expected an integer from -2147483648 to 2147483647");
    }

    @Test
    void jsonLimitsDoNotNameTheParsersSettings() {
        try (var s = api.session()) {
            assertThat(detail(s.tensor("{\"name\": \"d\", \"data\": " + Api.nested("[", "1", "]", 70) + "}"), 400, "json-limits"))
                    .isEqualTo("the JSON body is outside the limits: Document nesting depth (65) exceeds the maximum allowed (64)");
        }
    }

    @Test
    void aQueryParameterOfTheWrongTypeOrMissingIsNamed() {
        try (var s = api.session()) {
            assertThat(detail(api.get("/jobs/no-such-job/plot?iteration=abc"), 400, "invalid-parameter"))
                    .isEqualTo("the query parameter 'iteration' must be an integer, got 'abc'");
            assertThat(detail(api.get(s.path() + "/tensors/w?data=perhaps"), 400, "invalid-parameter"))
                    .isEqualTo("the query parameter 'data' must be true or false, got 'perhaps'");
            assertThat(detail(api.get(s.path() + "/graph"), 400, "invalid-parameter"))
                    .isEqualTo("the query parameter 'root' is missing: expected a string");
        }
    }

    @Test
    void aMethodThatIsNotAllowedNamesTheMethodsThatAre() {
        Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/sessions")).method("PATCH",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(detail(r, 405, "method-not-allowed")).isEqualTo("PATCH is not allowed on /api/v1/sessions; allowed: GET, POST");
        assertThat(r.headers().allValues("Allow")).containsExactly("GET,POST");
    }
}

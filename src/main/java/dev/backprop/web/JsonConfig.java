package dev.backprop.web;

import dev.backprop.session.Limits;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper with read constraints from {@link Limits}: nesting depth, number and string length,
 * and document size, so that no body can make the parser itself run away. Boot's own customizers
 * (properties, modules, problem-detail mix-ins) are applied on top, then {@link StrictJson}'s refusals, which
 * no property can turn off.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JsonMapper jsonMapper(Limits limits, List<JsonMapperBuilderCustomizer> customizers) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxStringLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxBodyBytes())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
        customizers.forEach(c -> c.customize(builder));
        StrictJson.apply(builder);
        return builder.build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

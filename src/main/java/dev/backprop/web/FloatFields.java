package dev.backprop.web;

import dev.backprop.engine.NonFinite;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Float fields of request bodies ({@code Double}) read as tensor data reads its numbers: a JSON number, or
 * one of the three strings {@link NonFinite} names, which answers write for NaN and the infinities. Any other
 * string is refused, as is a number beyond the range of a double (which would otherwise become Infinity
 * unnoticed). Fields that must be finite, such as a learning rate, are checked by {@link Finite}.
 */
@Component
class FloatFields implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS);
        builder.addModule(new SimpleModule("float-fields").addDeserializer(Double.class, new Reader()));
    }

    /** A number beyond the range of a double, refused with the field's path as {@link Finite} refuses it. */
    static final class BeyondDouble extends MismatchedInputException {
        BeyondDouble(JsonParser p) {
            super(p, "a number beyond the range of a double", Double.class);
        }
    }

    private static final class Reader extends StdScalarDeserializer<Double> {
        Reader() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                double value = p.getDoubleValue();
                if (Double.isInfinite(value)) throw new BeyondDouble(p);
                return value;
            }
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Double nonFinite = NonFinite.parse(p.getString());
                if (nonFinite != null) return nonFinite;
            }
            return (Double) ctxt.handleUnexpectedToken(Double.class, p);
        }
    }
}

package dev.backprop.engine;

import java.util.Locale;

/** The element types a tensor can hold, with PyTorch's names and its type-promotion lattice. */
public enum DType {
    BOOL("bool", "Bool", 0),
    INT64("int64", "Long", 1),
    FLOAT32("float32", "Float", 2),
    FLOAT64("float64", "Double", 2);

    private final String wireName;
    private final String torchName;
    private final int category;

    DType(String wireName, String torchName, int category) {
        this.wireName = wireName;
        this.torchName = torchName;
        this.category = category;
    }

    /** The name used on the wire and by {@code torch} ({@code float32}, {@code int64}, ...). */
    public String wireName() {
        return wireName;
    }

    /** PyTorch's scalar-type name as it appears in messages ({@code Float}, {@code Long}, ...). */
    public String torchName() {
        return torchName;
    }

    /** The legacy tensor type name PyTorch prints in autograd messages, e.g. {@code torch.FloatTensor}. */
    public String legacyTypeName() {
        return "torch." + torchName + "Tensor";
    }

    public boolean isFloating() {
        return category == 2;
    }

    public boolean isIntegral() {
        return category == 1;
    }

    int byteSize() {
        return switch (this) {
            case BOOL -> 1;
            case FLOAT32 -> 4;
            case INT64, FLOAT64 -> 8;
        };
    }

    public static DType fromWireName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (DType t : values()) {
            if (t.wireName.equals(n)) {
                return t;
            }
        }
        return switch (n) {
            case "float", "torch.float32", "torch.float" -> FLOAT32;
            case "double", "torch.float64", "torch.double" -> FLOAT64;
            case "long", "torch.int64", "torch.long" -> INT64;
            case "torch.bool" -> BOOL;
            default -> throw EngineException.invalid("unknown dtype '" + name + "': expected one of float32, float64, int64, bool");
        };
    }

    /** {@code torch.promote_types}: the smallest type both operands can be represented in. */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a.category != b.category) {
            return a.category > b.category ? a : b;
        }
        return FLOAT64; // the only same-category pair of distinct types is float32/float64
    }

    /** {@code torch.can_cast}: whether a result of type {@code from} may be written into {@code to}. */
    public static boolean canCast(DType from, DType to) {
        return from.category <= to.category;
    }
}

package dev.backprop.web;

import dev.backprop.engine.OpRegistry;
import dev.backprop.engine.OpTag;
import dev.backprop.session.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ops a session can run, each as its one definition declares it: forms, tags and {@code grad_fn} names. */
@RestController
@RequestMapping("/api/v1/ops")
class OpCatalogController {
    /** One op: {@code signatures} as PyTorch prints its forms, with defaults. */
    record OpInfo(String name, List<String> signatures, List<String> tags, List<String> gradFns, boolean differentiable) {
        static OpInfo of(OpRegistry.OpDef def) {
            return new OpInfo(def.name(), def.signatures(), def.tags().stream().map(OpTag::wireName).toList(), def.gradFns(),
                    !def.has(OpTag.NON_DIFFERENTIABLE));
        }
    }

    record OpList(List<OpInfo> ops) {}

    @GetMapping
    OpList list() {
        return new OpList(OpRegistry.all().stream().map(OpInfo::of).toList());
    }

    @GetMapping("/{op}")
    OpInfo one(@PathVariable String op) {
        if (!OpRegistry.contains(op)) throw ApiException.notFound("op", op);
        return OpInfo.of(OpRegistry.get(op));
    }
}

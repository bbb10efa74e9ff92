package gmplab.golang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A lexical block: names declared in it, and its parent. */
final class Scope {
    final Scope parent;
    final Map<String, Symbol> names = new LinkedHashMap<>();
    /** Variables declared here, in order, for the "declared and not used" check. */
    final List<Symbol> vars = new ArrayList<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Symbol lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Symbol sym = s.names.get(name);
            if (sym != null) return sym;
        }
        return null;
    }

    Symbol lookupLocal(String name) {
        return names.get(name);
    }

    void declare(Symbol sym) {
        names.put(sym.name, sym);
        if (sym.kind == Symbol.Kind.VAR) vars.add(sym);
    }
}

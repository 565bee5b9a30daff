package deriv.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * A small map in insertion order, keyed by equality. Expression records do not cache their hash
 * codes, so hashing a key walks its whole tree: for the few keys of one sum or product a linear
 * scan with {@code equals} (which fails fast at the first difference) is cheaper; past
 * {@value #INDEX_AT} keys a hash index is built.
 */
final class Keyed<K, V> {
    static final int INDEX_AT = 12;

    private final List<K> keys = new ArrayList<>();
    private final List<V> values = new ArrayList<>();
    private Map<K, Integer> index;

    int indexOf(K k) {
        if (index != null) {
            Integer i = index.get(k);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < keys.size(); i++) if (keys.get(i).equals(k)) return i;
        return -1;
    }

    V get(K k) {
        int i = indexOf(k);
        return i < 0 ? null : values.get(i);
    }

    /** Puts a new key or replaces the value of an old one; returns the key's position. */
    int put(K k, V v) {
        int i = indexOf(k);
        if (i >= 0) {
            values.set(i, v);
            return i;
        }
        keys.add(k);
        values.add(v);
        if (index != null) {
            index.put(k, keys.size() - 1);
        } else if (keys.size() > INDEX_AT) {
            index = new HashMap<>();
            for (int j = 0; j < keys.size(); j++) index.putIfAbsent(keys.get(j), j);
        }
        return keys.size() - 1;
    }

    /** Puts {@code v}, or combines it with the value already there. */
    void merge(K k, V v, BinaryOperator<V> combine) {
        int i = indexOf(k);
        if (i >= 0) values.set(i, combine.apply(values.get(i), v));
        else put(k, v);
    }

    int size() { return keys.size(); }

    K key(int i) { return keys.get(i); }

    V value(int i) { return values.get(i); }
}

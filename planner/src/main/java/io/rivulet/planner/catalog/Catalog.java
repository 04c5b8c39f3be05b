package io.rivulet.planner.catalog;

import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.RivuletException.Category;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The streams, tables and views of one engine, by name; names are case-insensitive. */
public final class Catalog {
  private final Map<String, CatalogObject> objects = new ConcurrentSkipListMap<>();

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public Optional<CatalogObject> find(String name) {
    return Optional.ofNullable(objects.get(key(name)));
  }

  /** The object named {@code name}, or an error listing what exists. */
  public CatalogObject get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new RivuletException(
                    Category.VALIDATION,
                    "no stream, table or view named '" + name + "'"
                        + (objects.isEmpty()
                            ? "; create it first with CREATE STREAM or CREATE TABLE"
                            : "; known: " + String.join(", ", names()))));
  }

  /**
   * Adds an object; fails if the name is taken, unless {@code ifNotExists} (then keeps the old
   * one) or {@code replace} (then replaces it).
   *
   * @return whether the object was added
   */
  public synchronized boolean add(CatalogObject object, boolean ifNotExists, boolean replace) {
    CatalogObject existing = objects.get(key(object.name()));
    if (existing != null && !replace) {
      if (ifNotExists) {
        return false;
      }
      throw new RivuletException(
          Category.VALIDATION,
          existing.kind().toLowerCase(Locale.ROOT) + " '" + existing.name()
              + "' already exists; drop it first or use IF NOT EXISTS");
    }
    objects.put(key(object.name()), object);
    return true;
  }

  /** Removes an object of the given kind; returns false if absent and {@code ifExists}. */
  public synchronized boolean drop(String kind, String name, boolean ifExists) {
    CatalogObject existing = objects.get(key(name));
    if (existing == null) {
      if (ifExists) {
        return false;
      }
      throw new RivuletException(
          Category.VALIDATION,
          "no " + kind.toLowerCase(Locale.ROOT) + " named '" + name + "' to drop"
              + (objects.isEmpty() ? "" : "; known: " + String.join(", ", names())));
    }
    if (!existing.kind().equals(kind)) {
      throw new RivuletException(
          Category.VALIDATION,
          "'" + existing.name() + "' is a " + existing.kind().toLowerCase(Locale.ROOT)
              + ", not a " + kind.toLowerCase(Locale.ROOT) + "; use DROP " + existing.kind());
    }
    objects.remove(key(name));
    return true;
  }

  /** All objects, ordered by name. */
  public List<CatalogObject> objects() {
    return List.copyOf(objects.values());
  }

  public List<String> names() {
    return objects.values().stream().map(CatalogObject::name).toList();
  }
}

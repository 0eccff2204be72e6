package app.herald.brand;

import java.util.Map;

import jakarta.persistence.TypedQuery;

/**
 * The brands one user may see as a JPQL condition with named parameters. List queries filter with it rather than
 * pass the brands as a list parameter: Hibernate reuses the translation of one query text, but translates a query
 * with a list parameter again on every call.
 */
public record BrandScope(boolean allBrands, String username) {

    /** e.g. {@code scope.condition("c.brand.id")}: the brand id at that path is one of the user's brands. */
    public String condition(String brandIdPath) {
        return "(:allBrands = true or " + brandIdPath
                + " in (select sb.id from Brand sb join sb.members sm where sm.username = :scopeUser))";
    }

    public Map<String, Object> parameters() {
        return Map.of("allBrands", allBrands, "scopeUser", username);
    }

    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters().forEach(query::setParameter);
        return query;
    }
}

package app.herald.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import app.herald.account.Role;
import app.herald.web.Viewer;
import io.vertx.core.http.HttpServerRequest;

/** The main navigation as the layout shows it ({@code inject:navigation}): the areas this viewer's roles open. */
@Named("navigation")
@RequestScoped
public class Navigation {

    @Inject
    Viewer viewer;

    @Inject
    HttpServerRequest request;

    public List<NavLink> links() {
        Set<Role> roles = viewer.roles();
        String path = request.path();
        return Arrays.stream(NavItem.values())
                .filter(item -> item.visibleTo(roles))
                .map(item -> new NavLink(item.label(), item.href(), item.available(), item.owns(path)))
                .toList();
    }

    /** One rendered navigation entry. */
    public record NavLink(String label, String href, boolean available, boolean current) {
    }
}

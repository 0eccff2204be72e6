package app.herald.content;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.account.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** Renders one content item's page: core, variants with compliance findings, revisions and the comment thread. */
@ApplicationScoped
public class ContentPages {

    @Inject
    ContentCompliance compliance;

    @Inject
    SecurityIdentity identity;

    /** What the signed-in user may do on the page. */
    public record Permissions(boolean edit, boolean submit, boolean review, boolean schedule) {
    }

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance detail(ContentItem item, ComplianceReport report, List<ContentRevision> revisions,
                List<ContentComment> comments, Permissions can, String error);
    }

    public TemplateInstance detail(ContentItem item, String error) {
        boolean author = identity.hasRole(Role.Names.MARKETER) || identity.hasRole(Role.Names.ADMIN);
        Permissions can = new Permissions(author && item.state.editable(),
                author && (item.state == ContentState.DRAFT || item.state == ContentState.CHANGES_REQUESTED),
                (identity.hasRole(Role.Names.REVIEWER) || identity.hasRole(Role.Names.ADMIN))
                        && item.state == ContentState.SUBMITTED,
                (author || identity.hasRole(Role.Names.MANAGER))
                        && (item.state == ContentState.APPROVED || item.state == ContentState.SCHEDULED));
        return Templates.detail(item, compliance.check(item), ContentRevision.listFor(item.id),
                ContentComment.thread(item.id), can, error);
    }
}

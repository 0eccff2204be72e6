package app.herald.content;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import app.herald.account.Role;
import app.herald.account.RoleCheck;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.content.media.MediaRejectedException;
import app.herald.content.media.MediaService;
import app.herald.content.media.MediaUploads;
import app.herald.brand.BrandScope;
import app.herald.platform.Platform;
import app.herald.web.ChangedMeanwhile;
import app.herald.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** Content pages: the list, the submission form (new and edit), one item's page, submitting and commenting. */
@Path("/content")
@RolesAllowed({ Role.Names.MARKETER, Role.Names.REVIEWER, Role.Names.MANAGER, Role.Names.ADMIN })
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ContentResource {

    private static final List<SequencingStrategy> STRATEGIES = List.of(SequencingStrategy.values());

    @Inject
    ChannelStates channelStates;

    @Inject
    ContentService contents;

    @Inject
    ContentPages pages;

    @Inject
    BrandAccess brands;

    @Inject
    Flash flash;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoleCheck roles;

    @Inject
    MediaService media;

    @Inject
    MediaUploads uploads;

    /** The content form's fields as posted. */
    public static class FormFields {
        @RestForm
        Long brandId;
        @RestForm
        String title;
        @RestForm
        String coreMessage;
        @RestForm
        String description;
        @RestForm
        String hashtags;
        @RestForm
        String audience;
        @RestForm
        String niche;
        @RestForm
        String callToAction;
        @RestForm
        String sequencing;
        @RestForm
        List<String> platforms;
        @RestForm
        String plannedPublishAt;
        @RestForm
        String youtubeTitle;
        @RestForm
        String youtubeBody;
        @RestForm
        String tiktokBody;
        @RestForm
        String facebookBody;
        @RestForm
        String action;
        /** The item's version the edit form was opened on (hidden field). */
        @RestForm
        Integer baseVersion;

        ContentForm toForm() {
            Map<Platform, String> titles = new EnumMap<>(Platform.class);
            titles.put(Platform.YOUTUBE_SHORTS, youtubeTitle == null ? "" : youtubeTitle);
            Map<Platform, String> bodies = new EnumMap<>(Platform.class);
            bodies.put(Platform.YOUTUBE_SHORTS, youtubeBody == null ? "" : youtubeBody);
            bodies.put(Platform.TIKTOK, tiktokBody == null ? "" : tiktokBody);
            bodies.put(Platform.FACEBOOK_REELS, facebookBody == null ? "" : facebookBody);
            return new ContentForm(brandId, title, coreMessage, description, hashtags, audience, niche, callToAction,
                    strategy(), ContentForm.platforms(platforms), plannedPublishAt, titles, bodies);
        }

        private SequencingStrategy strategy() {
            for (SequencingStrategy strategy : SequencingStrategy.values()) {
                if (strategy.name().equals(sequencing)) {
                    return strategy;
                }
            }
            return SequencingStrategy.BALANCED;
        }

        boolean submitForReview() {
            return "submit".equals(action);
        }

        /** "Write the variants from the core": show the form with generated text filled in, saving nothing. */
        boolean generate() {
            return "generate".equals(action);
        }
    }

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance list(List<ContentItem> items, Map<Long, List<ChannelStates.ChannelState>> channels,
                boolean ownOnly, boolean canCreate);

        static native TemplateInstance form(ContentItem item, ContentForm form, Integer baseVersion, List<Brand> brands,
                List<Platform> platforms, List<SequencingStrategy> strategies, List<VariantCheck> checks, String error,
                ChangedMeanwhile changed);

        static native TemplateInstance form$checks(List<VariantCheck> checks);
    }

    @GET
    public TemplateInstance list() {
        boolean ownOnly = !roles.any(Role.REVIEWER, Role.MANAGER, Role.ADMIN);
        // Brand and video fetched in the same statement: as eager associations they would cost one select each.
        String select = "select c from ContentItem c join fetch c.brand left join fetch c.media where ";
        BrandScope scope = brands.scope();
        List<ContentItem> items = ownOnly
                ? ContentItem.list(select + "c.createdBy = ?1 order by c.updatedAt desc", identity.getPrincipal().getName())
                : ContentItem.list(select + scope.condition("c.brand.id") + " order by c.updatedAt desc", scope.parameters());
        return Templates.list(items, channelStates.of(items.stream().map(item -> item.id).toList()), ownOnly, canCreate());
    }

    @GET
    @Path("new")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
    public Response newForm(@QueryParam("brand") Long brandId) {
        List<Brand> visible = brands.visibleBrands();
        if (visible.isEmpty()) {
            flash.error("You are not a member of any brand yet; ask an admin to add you to one.");
            return Response.seeOther(URI.create("/content")).build();
        }
        Long chosen = brandId != null ? brandId : visible.get(0).id;
        return Response.ok(form(null, ContentForm.empty(chosen), null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
    public Response create(@BeanParam FormFields fields) {
        return create(fields, null);
    }

    /** The new-content form with its optional video: a refused video creates nothing and keeps the typed text. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
    public Response create(@BeanParam FormFields fields, @RestForm("file") FileUpload file) {
        ContentForm form = fields.toForm();
        if (fields.generate()) {
            return Response.ok(form(null, withGeneratedVariants(form), null)).build();
        }
        ContentItem item;
        try {
            item = MediaUploads.chosen(file) ? createWithVideo(form, file) : contents.createDraft(form);
        } catch (MediaRejectedException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form(null, form, "Nothing was saved: the video was"
                    + " refused. " + e.getMessage() + " Your text is kept below; choose a video again or save without one."))
                    .build();
        } catch (ContentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form(null, form, e.getMessage())).build();
        }
        return afterSave(item, fields, form, "Draft '" + item.title + "' saved"
                + (item.media == null ? "." : " with its video (" + item.media.facts().dimensions() + ")."));
    }

    private ContentItem createWithVideo(ContentForm form, FileUpload file) {
        try (InputStream in = uploads.open(file)) {
            return media.create(form, in, file.fileName());
        } catch (IOException e) {
            throw new MediaRejectedException("Herald could not read the upload; try again.");
        }
    }

    /**
     * Live checks for the form as typed (counters, spec violations, rule findings, previews): an HTML fragment the
     * form's script swaps in. It saves nothing.
     */
    @POST
    @Path("checks")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
    public TemplateInstance checks(@BeanParam FormFields fields) {
        ContentForm form = fields.toForm();
        if (form.brandId() == null) {
            return Templates.form$checks(List.of());
        }
        return Templates.form$checks(pages.checks(form, brands.requireVisible(form.brandId())));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return pages.detail(contents.find(id), null);
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
    public TemplateInstance edit(@PathParam("id") long id) {
        ContentItem item = contents.find(id);
        return form(item, ContentForm.of(item), item.version, null, null);
    }

    @POST
    @Path("{id}")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
    public Response update(@PathParam("id") long id, @BeanParam FormFields fields) {
        ContentForm form = fields.toForm();
        if (fields.generate()) {
            return Response.ok(form(contents.find(id), withGeneratedVariants(form), fields.baseVersion, null, null)).build();
        }
        ContentItem item;
        ContentState before = contents.find(id).state;
        try {
            item = contents.update(id, fields.baseVersion, form);
        } catch (ContentChangedException e) {
            // The form now shows the current version; what the user typed is listed above it.
            ContentItem current = contents.find(id);
            ContentForm now = ContentForm.of(current);
            return Response.status(Response.Status.CONFLICT).entity(form(current, now, current.version, null,
                    ChangedMeanwhile.of(e.getMessage(), form.labelled(), now.labelled()))).build();
        } catch (ContentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(form(contents.find(id), form, fields.baseVersion, e.getMessage(), null)).build();
        }
        String saved = before != item.state ? "Saved. The edit sent '" + item.title + "' back to review." : "Saved.";
        return afterSave(item, fields, form, saved);
    }

    /** After a successful save: submit when asked; a refused submission keeps the saved draft and the typed form. */
    private Response afterSave(ContentItem item, FormFields fields, ContentForm form, String savedMessage) {
        if (fields.submitForReview() && (item.state == ContentState.DRAFT || item.state == ContentState.CHANGES_REQUESTED)) {
            try {
                contents.submit(item.id);
                flash.success("'" + item.title + "' submitted for review.");
            } catch (ContentException e) {
                return Response.status(Response.Status.BAD_REQUEST).entity(form(contents.find(item.id), form, item.version,
                        "Saved, but not submitted. " + e.getMessage(), null)).build();
            }
        } else {
            flash.success(savedMessage);
        }
        return Response.seeOther(URI.create("/content/" + item.id)).build();
    }

    /** The new-content form (no item yet). */
    private TemplateInstance form(ContentItem item, ContentForm form, String error) {
        return form(item, form, null, error, null);
    }

    /**
     * The form for {@code item} (null: new content), based on {@code baseVersion} of it; {@code changed} is the
     * notice of a 409 page.
     */
    private TemplateInstance form(ContentItem item, ContentForm form, Integer baseVersion, String error,
            ChangedMeanwhile changed) {
        List<VariantCheck> checks = form.brandId() == null ? List.of()
                : pages.checks(form, brands.requireVisible(form.brandId()));
        return Templates.form(item, form, baseVersion, brands.visibleBrands(), List.of(Platform.values()), STRATEGIES,
                checks, error, changed);
    }

    /** The form with every target platform's text written from the core (typed variant text is replaced). */
    private ContentForm withGeneratedVariants(ContentForm form) {
        if (form.brandId() == null) {
            return form;
        }
        VariantGenerator.Core core = ContentService.core(form, brands.requireVisible(form.brandId()));
        Map<Platform, String> titles = new EnumMap<>(Platform.class);
        Map<Platform, String> bodies = new EnumMap<>(Platform.class);
        for (Platform platform : form.platforms()) {
            VariantGenerator.VariantText text = VariantGenerator.generate(platform, core);
            titles.put(platform, text.title() == null ? "" : text.title());
            bodies.put(platform, text.body());
        }
        return new ContentForm(form.brandId(), form.title(), form.coreMessage(), form.description(), form.hashtags(),
                form.audience(), form.niche(), form.callToAction(), form.sequencing(), form.platforms(),
                form.plannedPublishAt(), titles, bodies);
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({ Role.Names.MARKETER, Role.Names.ADMIN })
    public Response submit(@PathParam("id") long id) {
        try {
            ContentItem item = contents.submit(id);
            flash.success("'" + item.title + "' submitted for review.");
        } catch (ContentException e) {
            flash.error(e.getMessage());
        }
        return Response.seeOther(URI.create("/content/" + id)).build();
    }

    @POST
    @Path("{id}/comments")
    public Response comment(@PathParam("id") long id, @RestForm String body) {
        try {
            contents.comment(id, body);
            flash.success("Comment added.");
            return Response.seeOther(URI.create("/content/" + id + "#comments")).build();
        } catch (ContentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(pages.detail(contents.find(id), e.getMessage()))
                    .build();
        }
    }

    private boolean canCreate() {
        return roles.any(Role.MARKETER, Role.ADMIN);
    }
}

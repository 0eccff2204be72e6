package app.herald.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Two people editing one item: a stale edit form gets a 409 page with the current version, never a 500. */
@QuarkusTest
class ContentEditConflictTest {

    private static Map<String, Object> edit(long id, String description) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("brandId", ContentFixture.brandId());
        fields.put("title", ContentFixture.load(id).title);
        fields.put("description", description);
        fields.put("hashtags", "#trail");
        fields.put("platforms", List.of("YOUTUBE_SHORTS", "TIKTOK"));
        fields.put("action", "draft");
        return fields;
    }

    private static String editPage(long id) {
        return "/content/" + id + "/edit";
    }

    @Test
    void aStaleEditShowsTheCurrentVersionAndKeepsWhatWasTyped() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.submitted(marketer, "Stale edit " + UUID.randomUUID().toString().substring(0, 8));
        WebSession.OpenForm stale = marketer.open(editPage(id), "/content/" + id);
        assertThat(DemoUsers.admin().submit(editPage(id), "/content/" + id, edit(id, "The admin's description"))
                .statusCode()).isEqualTo(303);
        int revisions = ContentFixture.revisions(id).size();

        Map<String, Object> typed = edit(id, "The marketer's description");
        typed.put("youtubeTitle", "A title the marketer wrote");
        Response conflict = stale.post(typed);

        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(conflict.body().asString());
        assertThat(page.select(".changed-meanwhile h2").text()).isEqualTo("Changed meanwhile");
        assertThat(page.select(".changed-meanwhile").text()).contains("was changed after you opened this form",
                "it is now submitted, revision 2", "Nothing you sent was saved",
                "The form below shows the current version.");
        assertThat(page.select("#description").val()).isEqualTo("The admin's description");
        assertThat(page.select(".typed-values dt").eachText()).containsExactly("Description", "YouTube Shorts title");
        assertThat(page.select(".typed-values dd").eachText())
                .containsExactly("The marketer's description", "A title the marketer wrote");
        ContentItem stored = ContentFixture.load(id);
        assertThat(stored.description).isEqualTo("The admin's description");
        assertThat(ContentFixture.revisions(id)).hasSize(revisions);

        // The 409 page's form is based on the current version, so saving from it goes through.
        assertThat(page.select("input[name=baseVersion]").val()).isEqualTo(String.valueOf(stored.version));
        assertThat(marketer.submit(editPage(id), "/content/" + id, typed).statusCode()).isEqualTo(303);
        assertThat(ContentFixture.load(id).description).isEqualTo("The marketer's description");
    }

    @Test
    void anEditThatDoesNotSayItsBaseVersionIsNotSaved() {
        WebSession marketer = DemoUsers.marketer();
        long id = ContentFixture.create(marketer, "No base " + UUID.randomUUID().toString().substring(0, 8), "draft",
                Map.of());
        Map<String, Object> forged = edit(id, "Sent without a base version");
        forged.put("baseVersion", "");

        Response conflict = marketer.submit(editPage(id), "/content/" + id, forged);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(conflict.body().asString()).select(".typed-values dd").eachText())
                .contains("Sent without a base version");
        assertThat(ContentFixture.load(id).description).isEqualTo("Pack light and start early.");
    }

    @Test
    void twoSavesOfTheSameVersionAtOnceSaveExactlyOne() throws Exception {
        WebSession marketer = DemoUsers.marketer();
        WebSession admin = DemoUsers.admin();
        long id = ContentFixture.submitted(marketer, "Race " + UUID.randomUUID().toString().substring(0, 8));
        WebSession.OpenForm first = marketer.open(editPage(id), "/content/" + id);
        WebSession.OpenForm second = admin.open(editPage(id), "/content/" + id);
        Map<String, Object> mine = edit(id, "Saved by the marketer");
        Map<String, Object> theirs = edit(id, "Saved by the admin");
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> first.post(mine)));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> second.post(theirs)));
        start.countDown();

        List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(303, 409);
        String winner = a.get().statusCode() == 303 ? "Saved by the marketer" : "Saved by the admin";
        assertThat(ContentFixture.load(id).description).isEqualTo(winner);
        assertThat(ContentFixture.revisions(id)).hasSize(2);
    }

    @Test
    void anOptimisticLockFailureThatEscapesIsA409PageNotA500() {
        long id = ContentFixture.create(DemoUsers.marketer(), "Lost race " + UUID.randomUUID().toString().substring(0, 8),
                "draft", Map.of());

        Response response = DemoUsers.admin().get("/test-only/lose-race/" + id);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Changed meanwhile");
        assertThat(page.text()).contains("yours was not saved").doesNotContain("Exception");
    }

    private static <T> T awaitThen(CountDownLatch start, java.util.function.Supplier<T> action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return action.get();
    }

    /**
     * Test-only route that really loses an optimistic-lock race: it changes an item that another transaction changed
     * and committed after this one read it, so its own commit fails however the transaction wraps the failure.
     */
    @Path("/test-only/lose-race/{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public static class LosingWrite {

        @GET
        @Transactional
        public String write(@PathParam("id") long id) {
            ContentItem item = ContentItem.findById(id);
            QuarkusTransaction.requiringNew().run(() -> ContentItem.<ContentItem>findById(id).updatedAt = Instant.now());
            item.updatedAt = Instant.now().plusSeconds(1);
            return "saved";
        }
    }
}

package app.herald.system;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.account.AppUser;
import app.herald.account.LoginResource;
import app.herald.account.Role;
import app.herald.account.UserService;
import app.herald.brand.Brand;
import app.herald.channel.Channel;
import app.herald.channel.Platform;
import app.herald.channel.PlatformSpecs;

/**
 * Seeds the demo brand, one account per role and a Sandbox channel per platform; anything already there (by name)
 * is left as it is.
 */
@ApplicationScoped
public class DemoData {

    static final String BRAND = "Northwind Outdoor";

    private static final Map<String, Set<Role>> ACCOUNTS = Map.of(
            "admin", EnumSet.of(Role.ADMIN),
            "marketer", EnumSet.of(Role.MARKETER),
            "reviewer", EnumSet.of(Role.REVIEWER),
            "manager", EnumSet.of(Role.MANAGER));

    @Inject
    UserService users;

    @Transactional
    public void seed() {
        Brand brand = Brand.findByName(BRAND).orElseGet(() -> {
            Brand created = new Brand();
            created.name = BRAND;
            created.voice = "Friendly, practical, outdoorsy. Short sentences; no hype.";
            created.timezone = "America/New_York";
            created.defaultDisclaimer = "Always follow local trail rules.";
            created.defaultHashtags = "#northwind #outdoors";
            created.createdAt = Instant.now();
            created.persist();
            return created;
        });
        ACCOUNTS.forEach((username, roles) -> {
            AppUser user = AppUser.findByUsername(username).orElseGet(() -> {
                String displayName = Character.toUpperCase(username.charAt(0)) + username.substring(1) + " (demo)";
                return users.create(username, displayName, LoginResource.DEMO_PASSWORD, roles);
            });
            brand.members.add(user);
        });
        for (Platform platform : Platform.values()) {
            String name = "Northwind " + platform.label();
            if (Channel.count("brand = ?1 and platform = ?2 and displayName = ?3", brand, platform, name) == 0) {
                Channel channel = new Channel();
                channel.brand = brand;
                channel.platform = platform;
                channel.sandbox = true;
                channel.displayName = name;
                channel.timezone = brand.timezone;
                channel.dailyCap = PlatformSpecs.of(platform).postsPer24h();
                channel.minGapMinutes = (int) PlatformSpecs.of(platform).evenSpacing().toMinutes();
                channel.createdAt = Instant.now();
                channel.persist();
            }
        }
    }
}

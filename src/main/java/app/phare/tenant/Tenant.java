package app.phare.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** One business using Phare, with the timezone, currency and locale its numbers are shown in. */
@Entity
public class Tenant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String timezone;

    @Column(columnDefinition = "bpchar", length = 3)
    public String currency;

    public String locale;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Locale javaLocale() {
        return Locale.forLanguageTag(locale);
    }

    public Currency javaCurrency() {
        return Currency.getInstance(currency);
    }
}

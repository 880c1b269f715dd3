package app.phare.live;

/**
 * A payment an instance has checked, shared on the live channel so that every instance's fraud memory counts it
 * (velocity is per customer, whichever instance the payment went to). Counting it twice is harmless: the memory
 * keeps a payment id once.
 */
public record PaymentSeen(String customerKey, String paymentId, String cardCountry, String ipCountry, long atMillis) {
}

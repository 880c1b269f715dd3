package app.phare.ingest;

import app.phare.source.SourceFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The first rows of a sample file, read with a source's format, and a first guess of its column mapping. */
public record CsvPreview(List<String> columns, List<List<String>> rows, Map<String, String> guessedMapping, String error) {

    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "orderId", List.of("orderid", "invoiceno", "invoice", "invoicenumber", "ordernumber", "orderno", "order"),
            "orderedAt", List.of("orderedat", "invoicedate", "orderdate", "date", "timestamp", "createdat", "datetime", "time"),
            "sku", List.of("sku", "stockcode", "productcode", "productid", "itemcode", "code", "item"),
            "description", List.of("description", "productname", "itemname", "product", "name", "title"),
            "quantity", List.of("quantity", "qty", "units", "count"),
            "unitPrice", List.of("unitprice", "price", "priceeach", "itemprice"),
            "customerId", List.of("customerid", "customer", "clientid", "client", "customerno"),
            "country", List.of("country", "countrycode", "shippingcountry"),
            "channel", List.of("channel", "saleschannel", "source"));

    public static CsvPreview read(InputStream in, SourceFormat format, int maxRows) {
        try (InputStream raw = SourceFileReader.decompressIfGzip(in)) {
            var decoder = format.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CsvRecordReader csv = new CsvRecordReader(new BufferedReader(new InputStreamReader(raw, decoder)),
                    format.delimiter().charAt(0));
            List<String> columns = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            while (rows.size() < maxRows && csv.next()) {
                List<String> fields = new ArrayList<>(csv.fields());
                if (format.header() && columns.isEmpty()) {
                    fields.forEach(f -> columns.add(f.strip()));
                    continue;
                }
                rows.add(fields);
            }
            if (!format.header()) {
                int width = rows.stream().mapToInt(List::size).max().orElse(0);
                for (int i = 1; i <= width; i++) {
                    columns.add(Integer.toString(i));
                }
            }
            if (columns.isEmpty()) {
                return new CsvPreview(List.of(), List.of(), Map.of(), "The sample file is empty.");
            }
            return new CsvPreview(columns, rows, format.header() ? guess(columns) : Map.of(), null);
        } catch (CharacterCodingException e) {
            return new CsvPreview(List.of(), List.of(), Map.of(),
                    "The sample is not valid " + format.encoding() + " text: choose another encoding (for example windows-1252).");
        } catch (FileUnreadableException e) {
            return new CsvPreview(List.of(), List.of(), Map.of(), "The sample could not be read: " + e.getMessage());
        } catch (IOException e) {
            return new CsvPreview(List.of(), List.of(), Map.of(), "The sample could not be read: " + e.getMessage());
        }
    }

    /** Field → column, by the usual names exports give their columns. */
    static Map<String, String> guess(List<String> columns) {
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        for (String field : List.of("orderId", "orderedAt", "sku", "quantity", "unitPrice", "customerId", "country",
                "channel", "description")) {
            for (String synonym : SYNONYMS.get(field)) {
                String match = columns.stream().filter(c -> !taken.contains(c))
                        .filter(c -> c.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").equals(synonym))
                        .findFirst().orElse(null);
                if (match != null) {
                    mapping.put(field, match);
                    taken.add(match);
                    break;
                }
            }
        }
        return mapping;
    }
}

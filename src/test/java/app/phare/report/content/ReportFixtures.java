package app.phare.report.content;

import app.phare.tenant.Tenant;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import app.phare.testing.Api;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers of the report tests: generating as the tenant, reading the sales API and workbook cells. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static RenderedReport generate(ReportGenerator generator, Api.TestTenant t, String type, LocalDate from, LocalDate to,
                                   String format, Map<String, String> filters) {
        return TenantScope.callAs(t.id(), () -> {
            Tenant tenant = QuarkusTransaction.requiringNew().call(() ->
                    Arc.container().instance(TenantRepository.class).get().findById(t.id()));
            List<Integer> seen = new ArrayList<>();
            RenderedReport report = generator.generate(tenant, new ReportSpec(type, from, to, format, filters),
                    (stage, percent) -> seen.add(percent));
            org.assertj.core.api.Assertions.assertThat(seen).isSorted().endsWith(100);
            return report;
        });
    }

    static JsonPath sales(Api.TestTenant t, String query) {
        return t.asManager().get("/api/metrics/sales?" + query).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** The row of a sheet whose first cell is the given text. */
    static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in sheet " + sheet.getSheetName());
    }

    /** A numeric cell as an exact decimal of the given scale. */
    static BigDecimal decimal(Row row, int column, int scale) {
        return BigDecimal.valueOf(row.getCell(column).getNumericCellValue()).setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }
}

package dev.slipway.cli.promote;

import dev.slipway.release.promotion.PlanProblem;
import dev.slipway.release.promotion.PlannedEdge;
import dev.slipway.release.promotion.PromotionOptions;
import dev.slipway.release.promotion.PromotionRecord;
import dev.slipway.release.promotion.PromotionReport;
import java.io.PrintWriter;
import java.util.List;

/** Prints a promotion report for people and CI logs: the plan, the problems, what was promoted, a summary. */
final class ReportPrinter {
    private final PrintWriter out;

    ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(PromotionReport report, PromotionOptions options, List<String> signed) {
        for (PlannedEdge edge : report.plan().edges()) {
            out.println(edge);
        }
        for (PlanProblem problem : report.plan().problems()) {
            out.println(problem);
        }
        for (PromotionRecord record : report.promoted()) {
            out.println("PROMOTED " + record.destinationReference() + " tags=" + record.tags() + " commit="
                    + record.approval().commit() + " signature=" + record.approval().signature());
        }
        signed.forEach(out::println);
        report.failures().forEach(out::println);
        int copies = report.plan().copies().size();
        if (report.plan().refused()) {
            out.println("Plan refused: nothing was written.");
        } else if (!report.confirmed()) {
            out.println("Dry run: " + copies + " edge(s) to promote, " + report.plan().done().size()
                    + " already promoted. Run again with --confirm to promote.");
        } else {
            out.println("Promoted " + report.promoted().size() + " of " + copies + " edge(s) ("
                    + report.plan().done().size() + " already promoted, " + report.blobBytesUploaded()
                    + " blob bytes uploaded, " + signed.size() + " signed); audit: " + options.auditFile());
        }
        out.flush();
    }
}

package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.preorder.OrderLookup;
import com.webshop.ivrhooks.preorder.PreOrderCheck;
import com.webshop.ivrhooks.preorder.PreOrderService;
import com.webshop.ivrhooks.preorder.Session;
import com.webshop.ivrhooks.transaction.CompleteOutcome.Accepted;
import com.webshop.ivrhooks.transaction.CompleteOutcome.Rejected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Checks a reported payment against the pre-order and records it exactly once. */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PreOrderService preOrders;
    private final TransactionRepository transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter recorded;

    PaymentService(PreOrderService preOrders, TransactionRepository transactions, Clock clock, MeterRegistry meters) {
        this.preOrders = preOrders;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.recorded = meters.counter("ivr.transactions.recorded");
    }

    /** For a report whose credentials were already verified, with its order's {@link PreOrderService#lookUp}. */
    public CompleteOutcome complete(PaymentReport report, OrderLookup lookup) {
        if (!report.success()) {
            return reject(report, ErrorText.SUCCESS_MUST_BE_TRUE);
        }
        return switch (preOrders.check(lookup)) {
            case PreOrderCheck.Paid paid -> paid.referenceNumber().equals(report.referenceNumber())
                    ? replay(report, paid)
                    : reject(report, ErrorText.ORDER_ALREADY_PAID);
            // complete answers both "not found" cases with the pre-order's text
            case PreOrderCheck.Rejected rejected -> reject(report, rejected.error() == ErrorText.ORDER_NOT_FOUND
                    ? ErrorText.PRE_ORDER_NOT_FOUND
                    : rejected.error());
            case PreOrderCheck.Valid valid -> record(report, valid);
        };
    }

    /** A replay also finishes the publishing of its transaction if a crash interrupted it. */
    private CompleteOutcome replay(PaymentReport report, PreOrderCheck.Paid paid) {
        if (!paid.published()) {
            transactions.ensurePublished(report.orderNumber());
        }
        return new Accepted(true);
    }

    private CompleteOutcome record(PaymentReport report, PreOrderCheck.Valid valid) {
        Session session = valid.session();
        Transaction transaction = new Transaction(
                report.referenceNumber(),
                report.orderNumber(),
                report.staffId(),
                session.preOrder().totalAmount(),
                session.currency(),
                session.paymentOption().id(),
                valid.sessionId(),
                clock.instant());
        return switch (transactions.record(transaction)) {
            // the hook call's log line and the stream entry say the rest
            case RECORDED -> {
                recorded.increment();
                yield new Accepted(false);
            }
            case REPLAYED -> new Accepted(true);
            case ORDER_ALREADY_PAID -> reject(report, ErrorText.ORDER_ALREADY_PAID);
            case REFERENCE_ALREADY_USED -> reject(report, ErrorText.REFERENCE_ALREADY_USED);
        };
    }

    /**
     * When Redis fails, nothing about a vendor's report can be stored, so the log line is the
     * reconciliation record: the vendor may already have charged the card.
     */
    public void logUnprocessed(PaymentReport report) {
        log.error("Payment not processed, Redis unavailable; reconcile order {} reference {} staff {}",
                report.orderNumber(), report.referenceNumber(), report.staffId());
    }

    private Rejected reject(PaymentReport report, ErrorText error) {
        Rejection rejection = new Rejection(report.orderNumber(), report.referenceNumber(), report.staffId(),
                error.text(), clock.instant());
        log.warn("Payment rejected: order {} reference {} staff {} reason '{}'", rejection.orderNumber(),
                rejection.referenceNumber(), rejection.staffId(), rejection.reason());
        transactions.recordRejection(rejection);
        meters.counter("ivr.rejections.recorded", "reason", error.text()).increment();
        return new Rejected(error);
    }
}

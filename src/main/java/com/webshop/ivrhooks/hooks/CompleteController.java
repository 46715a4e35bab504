package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.preorder.OrderLookup;
import com.webshop.ivrhooks.preorder.PreOrderService;
import com.webshop.ivrhooks.transaction.CompleteOutcome;
import com.webshop.ivrhooks.transaction.PaymentReport;
import com.webshop.ivrhooks.transaction.PaymentService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CompleteController implements Hook {

    private final RequestBodyReader bodies;
    private final VendorGate gate;
    private final PreOrderService preOrders;
    private final PaymentService payments;
    private final HookResponseConverter answers;

    CompleteController(RequestBodyReader bodies, VendorGate gate, PreOrderService preOrders, PaymentService payments,
            HookResponseConverter answers) {
        this.bodies = bodies;
        this.gate = gate;
        this.preOrders = preOrders;
        this.payments = payments;
        this.answers = answers;
    }

    @PostMapping({"/hooks/ivr/complete/", "/hooks/ivr/complete"})
    void complete(InputStream body, HttpServletRequest http, HttpServletResponse out) throws IOException {
        CompleteRequest request = bodies.read(body, http.getContentLengthLong(), CompleteRequest::read);
        HookCall.describe(http, request.orderResult().orderNumber(), request.orderResult().referenceNumber());
        try {
            answers.send(answer(request, http.getRemoteAddr()), http, out);
        } catch (DataAccessException e) {
            if (gate.hasValidCredentials(request.username(), request.password())) {
                payments.logUnprocessed(request.orderResult());
            }
            throw e;
        }
    }

    private HookResponse answer(CompleteRequest request, String clientAddress) {
        PaymentReport report = request.orderResult();
        Admission<OrderLookup> admission = gate.admit(clientAddress, request.username(), request.password(),
                () -> preOrders.lookUp(report.orderNumber()));
        return switch (admission) {
            case Admission.Refused<OrderLookup> refused -> failure(refused.error());
            case Admission.Admitted<OrderLookup> admitted -> switch (payments.complete(report, admitted.firstRead())) {
                case CompleteOutcome.Accepted accepted -> CompleteResponse.SUCCESS;
                case CompleteOutcome.Rejected rejected -> failure(rejected.error());
            };
        };
    }

    @Override
    public CompleteResponse failure(ErrorText error) {
        return CompleteResponse.failure(error);
    }
}

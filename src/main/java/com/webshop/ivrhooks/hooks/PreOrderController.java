package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.preorder.OrderLookup;
import com.webshop.ivrhooks.preorder.PreOrderCheck;
import com.webshop.ivrhooks.preorder.PreOrderService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PreOrderController implements Hook {

    private final RequestBodyReader bodies;
    private final VendorGate gate;
    private final PreOrderService preOrders;
    private final HookResponseConverter answers;

    PreOrderController(RequestBodyReader bodies, VendorGate gate, PreOrderService preOrders,
            HookResponseConverter answers) {
        this.bodies = bodies;
        this.gate = gate;
        this.preOrders = preOrders;
        this.answers = answers;
    }

    @PostMapping({"/hooks/ivr/pre_order/", "/hooks/ivr/pre_order"})
    void preOrder(InputStream body, HttpServletRequest http, HttpServletResponse out) throws IOException {
        PreOrderRequest request = bodies.read(body, http.getContentLengthLong(), PreOrderRequest::readUsual,
                PreOrderRequest::read);
        HookCall.describe(http, request.orderNumber(), null);
        Admission<OrderLookup> admission = gate.admit(http.getRemoteAddr(), request.username(), request.password(),
                () -> preOrders.lookUp(request.orderNumber()));
        HookResponse response = switch (admission) {
            case Admission.Refused<OrderLookup> refused -> failure(refused.error());
            case Admission.Admitted<OrderLookup> admitted -> switch (preOrders.check(admitted.firstRead())) {
                case PreOrderCheck.Paid paid -> failure(ErrorText.ORDER_ALREADY_PAID);
                case PreOrderCheck.Rejected rejected -> failure(rejected.error());
                case PreOrderCheck.Valid valid -> PreOrderResponse.of(valid.session().preOrder());
            };
        };
        answers.send(response, http, out);
    }

    @Override
    public PreOrderResponse failure(ErrorText error) {
        return PreOrderResponse.failure(error);
    }
}

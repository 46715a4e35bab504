package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.transaction.CompleteOutcome;
import com.webshop.ivrhooks.transaction.PaymentService;
import java.io.InputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CompleteController implements Hook {

    private final RequestBodyReader bodies;
    private final VendorCredentials credentials;
    private final PaymentService payments;

    CompleteController(RequestBodyReader bodies, VendorCredentials credentials, PaymentService payments) {
        this.bodies = bodies;
        this.credentials = credentials;
        this.payments = payments;
    }

    @PostMapping({"/hooks/ivr/complete/", "/hooks/ivr/complete"})
    ResponseEntity<HookResponse> complete(InputStream body) {
        CompleteRequest request = CompleteRequest.from(bodies.readObject(body));
        if (!credentials.matches(request.username(), request.password())) {
            return failure(ErrorText.USER_INVALID).asJson();
        }
        HookResponse response = switch (payments.complete(request.orderResult())) {
            case CompleteOutcome.Accepted accepted -> CompleteResponse.SUCCESS;
            case CompleteOutcome.Rejected rejected -> failure(rejected.error());
        };
        return response.asJson();
    }

    @Override
    public CompleteResponse failure(ErrorText error) {
        return CompleteResponse.failure(error);
    }
}

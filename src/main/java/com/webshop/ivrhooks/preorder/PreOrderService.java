package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.preorder.PreOrderCheck.Paid;
import com.webshop.ivrhooks.preorder.PreOrderCheck.Rejected;
import com.webshop.ivrhooks.preorder.PreOrderCheck.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The pre-order checks shared by both hooks, in the order the API document lists them. */
@Service
public class PreOrderService {

    static final String CASH_REGISTER = "cash_register";

    private static final Logger log = LoggerFactory.getLogger(PreOrderService.class);

    private final PreOrderRepository repository;
    private final SessionReader sessions;

    PreOrderService(PreOrderRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.sessions = new SessionReader(json);
    }

    /**
     * Reads the order's slot in Redis and the session document it names, in one wait; a blank number
     * is not looked up, and {@link #check} rejects it.
     */
    public OrderLookup lookUp(String orderNumber) {
        return orderNumber.isBlank() ? OrderLookup.notRead(orderNumber) : repository.lookup(orderNumber);
    }

    /** The checks, on what {@link #lookUp} read. */
    public PreOrderCheck check(OrderLookup lookup) {
        String orderNumber = lookup.orderNumber();
        if (orderNumber.isBlank()) {
            return new Rejected(ErrorText.ORDER_NUMBER_INVALID);
        }
        if (lookup.paidReference() != null) {
            return new Paid(lookup.paidReference(), lookup.published());
        }
        if (lookup.sessionId() == null) {
            return new Rejected(ErrorText.ORDER_NOT_FOUND);
        }
        Session session = readSession(orderNumber, lookup.sessionId(), lookup.sessionDocument());
        if (session == null) {
            return new Rejected(ErrorText.PRE_ORDER_NOT_FOUND);
        }
        if (session.paymentOption() == null) {
            return new Rejected(ErrorText.PAYMENT_OPTION_NULL);
        }
        if (!CASH_REGISTER.equals(session.paymentOption().paymentType())) {
            return new Rejected(ErrorText.PAYMENT_OPTION_NOT_VALID);
        }
        if (BasketComparison.changed(session.basket(), session.preOrder().basket())) {
            return new Rejected(ErrorText.BASKET_CHANGED);
        }
        return new Valid(lookup.sessionId(), session);
    }

    /** The session with a usable pre-order, or null when there is none; corrupt documents are logged. */
    private Session readSession(String orderNumber, String sessionId, byte[] document) {
        if (document == null) {
            return null;
        }
        Session session;
        try {
            session = sessions.read(document);
        } catch (JacksonException e) {
            log.error("Corrupt session document for order {} (session {}): {}", orderNumber, sessionId,
                    e.getOriginalMessage());
            return null;
        }
        if (session == null || session.preOrder() == null) {
            return null;
        }
        if (!session.preOrder().isWellFormed()
                || (session.orderNumber() != null && !session.orderNumber().equals(orderNumber))) {
            log.error("Corrupt session document for order {} (session {}): pre-order incomplete or for order {}",
                    orderNumber, sessionId, session.orderNumber());
            return null;
        }
        return session;
    }
}

package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;

/** The gate's answer to a call: refused, or admitted with the hook's first Redis read. */
sealed interface Admission<T> {

    record Admitted<T>(T firstRead) implements Admission<T> {}

    record Refused<T>(ErrorText error) implements Admission<T> {}
}

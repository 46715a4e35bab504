package com.webshop.ivrhooks.support;

import com.webshop.ivrhooks.config.IvrProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link IvrProperties} bound as the application binds them, so every setting not given keeps its real default. */
public final class IvrSettings {

    private IvrSettings() {}

    /** @param settings names below {@code ivr.}, e.g. {@code username} or {@code max-body-size} */
    public static IvrProperties bound(Map<String, String> settings) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        settings.forEach((name, value) -> source.put("ivr." + name, value));
        return new Binder(source).bindOrCreate("ivr", IvrProperties.class);
    }
}

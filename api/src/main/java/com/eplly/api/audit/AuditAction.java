package com.eplly.api.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an admin handler's action in the audit log where the name {@link AuditInterceptor} derives
 * from the path (resource, then the path's last word or the HTTP method) would read wrong.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditAction {

  /** {@code resource.verb}, e.g. {@code experiment.start}. */
  String value();
}

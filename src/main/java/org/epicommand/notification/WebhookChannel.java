package org.epicommand.notification;

/**
 * Posts a notice to an outside system (a government messaging platform, a chat group bot). The
 * default only logs; a deployment provides its own bean of this type.
 */
public interface WebhookChannel {

  void post(String url, Notice notice, int recipients);
}

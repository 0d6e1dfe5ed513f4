/**
 * Every user's in-app inbox (站内消息) and the outbound channels (SMS gateway, webhook; log-only
 * by default). Other modules call {@link org.epicommand.notification.Notifications#send}; each
 * notice is stored once per recipient, and a user sees only their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.epicommand.notification;

package org.epicommand.notification;

/**
 * Sends a short text to a user's phone. The default only logs; a deployment provides its
 * operator's gateway as a bean of this type (the user's number is the gateway's business).
 */
public interface SmsGateway {

  void send(String username, String text);
}

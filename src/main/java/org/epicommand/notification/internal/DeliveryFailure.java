package org.epicommand.notification.internal;

/** An attempt that did not go through: the receiver's HTTP status (null without an answer) and why. */
class DeliveryFailure extends Exception {

  private final Integer status;

  DeliveryFailure(Integer status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  Integer status() {
    return status;
  }
}

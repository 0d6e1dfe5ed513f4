package org.epicommand.notification.internal;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over SMTP (Jakarta Mail): the notice's title as subject, its text and absolute link as plain body. */
@Component
class EmailSender {

  private final NotificationProperties.Email email;
  private final JavaMailSenderImpl mail;

  EmailSender(NotificationProperties properties) {
    this.email = properties.email();
    this.mail = new JavaMailSenderImpl();
    if (email.configured()) {
      mail.setHost(email.host());
      mail.setPort(email.port());
      mail.setUsername(blankToNull(email.username()));
      mail.setPassword(blankToNull(email.password()));
      mail.setDefaultEncoding(StandardCharsets.UTF_8.name());
      Properties settings = mail.getJavaMailProperties();
      String timeout = Long.toString(properties.delivery().timeout().toMillis());
      settings.put("mail.smtp.connectiontimeout", timeout);
      settings.put("mail.smtp.timeout", timeout);
      settings.put("mail.smtp.writetimeout", timeout);
      settings.put("mail.smtp.auth", Boolean.toString(mail.getUsername() != null));
      settings.put("mail.smtp.starttls.enable", Boolean.toString(email.starttls()));
      settings.put("mail.smtp.ssl.enable", Boolean.toString(email.ssl()));
    }
  }

  void send(DeliveryStore.Due due) throws DeliveryFailure {
    try {
      var message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(email.from());
      helper.setTo(due.recipient());
      helper.setSubject(due.subject() == null ? due.kind() : due.subject());
      helper.setText(due.payload(), false);
      mail.send(message);
    } catch (MessagingException | MailException e) {
      throw new DeliveryFailure(null, e.toString(), e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

/** The outgoing notification port ({@link cn.kaoping.platform.notification.Notifier}) with e-mail and SMS adapters. */
package cn.kaoping.platform.notification;

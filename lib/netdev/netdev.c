/* SPDX-License-Identifier: MIT */
/*
 * Network device API: forwards to the driver the image binds.
 */
#include <stdio.h>
#include <string.h>
#include <kiln/netdev.h>
#include <kiln/netdev_impl.h>

static const struct kiln_netdev_ops *ops;
static void *dev;
static int opened;
static void (*notifier)(void);

void kiln_netdev_register(const struct kiln_netdev_ops *o, void *d)
{
	ops = o;
	dev = d;
}

int kiln_netdev_open(struct kiln_netdev_info *info)
{
	memset(info, 0, sizeof(*info));
	if (!ops) {
		printf("netdev: no network driver is bound for this board\n");
		return -1;
	}
	info->name = ops->name;
	if (ops->open(dev, info))
		return -1;
	opened = 1;
	return 0;
}

void *kiln_netdev_tx_buffer(size_t len)
{
	return opened ? ops->tx_buffer(dev, len) : 0;
}

void kiln_netdev_tx_commit(size_t len)
{
	ops->tx_commit(dev, len);
}

const void *kiln_netdev_rx_peek(size_t *len)
{
	return opened ? ops->rx_peek(dev, len) : 0;
}

void kiln_netdev_rx_release(void)
{
	ops->rx_release(dev);
}

int kiln_netdev_pending(void)
{
	return opened && ops->pending(dev);
}

void kiln_netdev_set_notifier(void (*fn)(void))
{
	notifier = fn;
}

void kiln_netdev_interrupt(void)
{
	void (*fn)(void) = notifier;

	if (fn)
		fn();
}

void kiln_netdev_stats(struct kiln_netdev_stats *out)
{
	memset(out, 0, sizeof(*out));
	if (opened)
		ops->stats(dev, out);
}
